notescSearch.doc(20,{"kind":"system","tags":[],"text":"","title":"GShard","url":"systems/gshard.html"});
