notescSearch.shard("ge",{"gemini":[0,6,27,27,4],"gemm":[0],"gemms":[4,4],"generation":[2],"generations":[4],"get":[0],"gets":[0,10]});
