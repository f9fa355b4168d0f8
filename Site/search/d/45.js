notescSearch.doc(45,{"kind":"topic","tags":[],"text":"BF16 FP8 Transformer Engine","title":"Throughput (GPT-175B on H100)","url":"topics/throughput-gpt-175b-on-h100.html"});
