notescSearch.doc(24,{"kind":"system","tags":[],"text":"","title":"Mixtral","url":"systems/mixtral.html"});
