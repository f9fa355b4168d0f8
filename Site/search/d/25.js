notescSearch.doc(25,{"kind":"system","tags":[],"text":"","title":"Mixtral","url":"systems/mixtral.html"});
