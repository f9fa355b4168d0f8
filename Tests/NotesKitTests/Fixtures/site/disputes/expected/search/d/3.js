notescSearch.doc(3,{"kind":"system","tags":[],"text":"","title":"Otter","url":"systems/otter.html"});
