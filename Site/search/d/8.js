notescSearch.doc(8,{"kind":"system","tags":[],"text":"","title":"Claude-3","url":"systems/claude-3.html"});
