notescSearch.doc(40,{"kind":"topic","tags":[],"text":"MHA GQA MQA MLA","title":"Model Quality","url":"topics/model-quality.html"});
