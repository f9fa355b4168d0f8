notescSearch.doc(26,{"kind":"system","tags":[],"text":"","title":"MQA","url":"systems/mqa.html"});
