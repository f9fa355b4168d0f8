notescSearch.doc(14,{"kind":"topic","tags":[],"text":"\u003cimg src=x onerror=alert(2)> Safe-System","title":"\u003csvg onload=alert(1)> Topic","url":"topics/svg-onload-alert-1-topic.html"});
