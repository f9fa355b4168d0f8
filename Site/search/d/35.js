notescSearch.doc(35,{"kind":"topic","tags":[],"text":"FP8-LM DeepSeek-V3","title":"FP8 Formats","url":"topics/fp8-formats.html"});
