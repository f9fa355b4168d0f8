notescSearch.doc(44,{"kind":"topic","tags":[],"text":"DeepSeekMoE GShard","title":"Small-Scale Quality","url":"topics/small-scale-quality.html"});
