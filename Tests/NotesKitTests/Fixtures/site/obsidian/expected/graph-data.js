window.notescGraph={"nodes":[["notes/Callouts.html","Callouts"],
["notes/Code%20samples.html","Code samples"],
["notes/Cross-entropy.html","Cross-entropy"],
["notes/Images%20and%20anchors.html","Images and anchors"],
["notes/Loss%20functions.html","Loss functions"],
["notes/Softmax%20and%20friends.html","Softmax and friends"]],
"edges":{"connects":[],"links":[1,5,2,5,3,5,3,1,3,0,4,2],"about":[]}};
