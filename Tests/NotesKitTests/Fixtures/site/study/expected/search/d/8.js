notescSearch.doc(8,{"kind":"system","tags":[],"text":"","title":"\u003cimg src=x onerror=alert(2)>","url":"systems/img-src-x-onerror-alert-2.html"});
