window.notescGraph={"nodes":[["notes/context-survey.html","Context Survey"],
["notes/lynx-paper.html","Lynx Paper"],
["systems/lynx.html","Lynx",1],
["systems/otter.html","Otter",1]],
"edges":{"connects":[0,1],"links":[],"about":[0,2,1,2,0,3,1,3]}};
