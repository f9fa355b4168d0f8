notescSearch.doc(12,{"kind":"system","tags":[],"text":"","title":"Safe-System","url":"systems/safe-system.html"});
