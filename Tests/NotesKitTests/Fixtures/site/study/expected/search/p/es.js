notescSearch.shard("es",{"escaped":[4]});
