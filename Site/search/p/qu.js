notescSearch.shard("qu",{"qua":[2],"quality":[0,2,2,6,69,8],"quantization":[2],"quantized":[2],"query":[2,8],"quoting":[2]});
