notescSearch.doc(48,{"kind":"topic","tags":[],"text":"DeepSeek-V3 LLaMA-3","title":"Training Objective","url":"topics/training-objective.html"});
