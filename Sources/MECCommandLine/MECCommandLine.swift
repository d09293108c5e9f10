// MECCommandLine
