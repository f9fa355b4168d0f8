notescSearch.doc(23,{"kind":"system","tags":[],"text":"","title":"MHA","url":"systems/mha.html"});
