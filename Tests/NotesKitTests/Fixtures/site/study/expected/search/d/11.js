notescSearch.doc(11,{"kind":"system","tags":[],"text":"","title":"MHA","url":"systems/mha.html"});
