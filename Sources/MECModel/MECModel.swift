// MECModel
