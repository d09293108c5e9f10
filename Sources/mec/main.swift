print("mec")
