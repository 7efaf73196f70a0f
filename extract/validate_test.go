package extract

import (
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

func validate(q quad.Quad) error { return schema.Validate(q) }
