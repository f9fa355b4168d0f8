notescSearch.doc(7,{"kind":"system","tags":[],"text":"","title":"BF16","url":"systems/bf16.html"});
