notescSearch.doc(46,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek 67B","title":"Training Cost","url":"topics/training-cost.html"});
