notescSearch.shard("ba",{"balance":[2],"balances":[0],"balancing":[0,4,2,69],"baseline":[2,6,2],"batches":[2,6]});
