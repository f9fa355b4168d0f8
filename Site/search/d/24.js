notescSearch.doc(24,{"kind":"system","tags":[],"text":"","title":"MHA","url":"systems/mha.html"});
