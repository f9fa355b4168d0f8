notescSearch.doc(39,{"kind":"topic","tags":[],"text":"BF16 FP8","title":"Memory","url":"topics/memory.html"});
