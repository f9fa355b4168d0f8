notescSearch.doc(19,{"kind":"system","tags":[],"text":"","title":"GShard","url":"systems/gshard.html"});
