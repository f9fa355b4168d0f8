notescSearch.doc(27,{"kind":"system","tags":[],"text":"","title":"Transformer Engine","url":"systems/transformer-engine.html"});
