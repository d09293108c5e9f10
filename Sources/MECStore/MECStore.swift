// MECStore
