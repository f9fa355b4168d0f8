notescSearch.shard("ba",{"balance":[2],"balances":[0],"balancing":[0,4,2,71],"bar":[12],"baseline":[2,6,2],"batches":[2,6]});
