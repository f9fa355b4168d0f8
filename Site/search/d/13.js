notescSearch.doc(13,{"kind":"system","tags":[],"text":"","title":"DeepSeekMoE","url":"systems/deepseekmoe.html"});
