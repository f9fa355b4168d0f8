notescSearch.doc(28,{"kind":"system","tags":[],"text":"","title":"Transformer Engine","url":"systems/transformer-engine.html"});
