notescSearch.doc(48,{"kind":"topic","tags":[],"text":"DeepSeek-V3 LLaMA-3","title":"Training Objective","url":"topics/training-objective.html"});
notescSearch.doc(49,{"kind":"topic","tags":[],"text":"DeepSeek-V2 DeepSeek-V3 Mixtral LLaMA-3","title":"Who Uses What","url":"topics/who-uses-what.html"});
