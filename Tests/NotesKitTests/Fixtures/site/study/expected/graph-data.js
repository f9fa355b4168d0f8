window.notescGraph={"nodes":[["notes/llm-survey.html","LLM Survey - Study"],
["notes/papers/mla-paper.html","Multi-head Latent Attention"],
["notes/plain-note.html","Plain note"],
["notes/xss.html","\u003cimg src=x onerror=alert(1)>"],
["systems/deepseek-v2.html","DeepSeek-V2",1]],
"edges":{"connects":[0,1,0,2,3,2],"links":[],"about":[0,4,1,4]}};
