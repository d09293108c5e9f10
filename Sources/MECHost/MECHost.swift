// MECHost
