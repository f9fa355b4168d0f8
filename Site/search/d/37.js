notescSearch.doc(37,{"kind":"topic","tags":[],"text":"MHA GQA MQA MLA","title":"KV Cache per Token","url":"topics/kv-cache-per-token.html"});
