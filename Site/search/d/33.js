notescSearch.doc(33,{"kind":"topic","tags":[],"text":"GShard DeepSeekMoE","title":"Expert Granularity","url":"topics/expert-granularity.html"});
