-- One well's 24 hourly buckets of two metrics (the demo fleet's first well), for auth-read.sh.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ well(id: \\"demo-permian-01\\") { hourly(hours: 24) { bucket samples flowRate { avg min max } motorTemperature { avg min max } } } }"}'
