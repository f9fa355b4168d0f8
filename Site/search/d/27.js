notescSearch.doc(27,{"kind":"system","tags":[],"text":"","title":"MQA","url":"systems/mqa.html"});
