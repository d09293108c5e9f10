// MECSecurity
