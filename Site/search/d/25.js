notescSearch.doc(25,{"kind":"system","tags":[],"text":"","title":"MLA","url":"systems/mla.html"});
