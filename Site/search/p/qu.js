notescSearch.shard("qu",{"qua":[2],"quality":[0,2,2,6,71,8],"quantity":[12],"quantization":[2],"quantized":[2],"queried":[12],"query":[2,8,3],"quote":[12],"quoting":[2]});
