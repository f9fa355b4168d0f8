notescSearch.doc(12,{"kind":"system","tags":[],"text":"","title":"DeepSeekMoE","url":"systems/deepseekmoe.html"});
