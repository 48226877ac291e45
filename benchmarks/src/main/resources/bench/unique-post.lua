-- POSTs a body file, replacing the marker __CALL_SID__ with an id unique to the run, the thread and
-- the request, so that the receiver's deduplication sees every request as a new delivery. The secret
-- travels in the URL (?token=...), as the platform is configured to send it.
-- wrk ... -s unique-post.lua <url> -- <body file> <run id>
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(args[1], "rb"))
  local body = f:read("*a")
  f:close()
  local i, j = body:find("__CALL_SID__", 1, true)
  assert(i, "the body has no __CALL_SID__ marker")
  prefix = body:sub(1, i - 1)
  suffix = body:sub(j + 1)
  run = args[2]
  headers = { ["Content-Type"] = "application/json" }
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, headers, prefix .. run .. "-" .. tid .. "-" .. counter .. suffix)
end
