notescSearch.doc(26,{"kind":"system","tags":[],"text":"","title":"MLA","url":"systems/mla.html"});
