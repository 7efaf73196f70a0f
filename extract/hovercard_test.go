package extract

import (
	"strings"
	"testing"
)

func TestBlankHoverCards(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"card after a name",
			"Sen. Jane DoeJane Margaret DoeDoe signs budget bill Lawmakers return MORE (D) said.",
			"Sen. Jane Doe (D) said."},
		{"surname with an inner capital",
			"Gov. Ann McAllisterAnn Ruth McAllisterMcAllister vetoes bill: report MORE’s plan",
			"Gov. Ann McAllister ’s plan"},
		{"two cards in a line",
			"Rep. Al RoeAlbert RoeRoe wins race MORE and Rep. Bo LiBo LiLi leads MORE voted.",
			"Rep. Al Roe and Rep. Bo Li voted."},
		{"an inner capital alone is no card", "Tom McCain and LeBron met. MORE to come.", "Tom McCain and LeBron met. MORE to come."},
		{"inner capital before a card", "Ann McCain, the wife of Sen. Al McCainAl Bo McCainMcCain news MORE (R), spoke.", "Ann McCain, the wife of Sen. Al McCain (R), spoke."},
		{"no MORE on the line", "Jane DoeJane Margaret DoeDoe signs bill\nMORE", "Jane DoeJane Margaret DoeDoe signs bill\nMORE"},
		{"name not glued again", "Jane DoeJane Margaret Doe signs bill MORE", "Jane DoeJane Margaret Doe signs bill MORE"},
		{"MORE inside a word", "Jane DoeJane DoeDoe signs bill MOREOVER", "Jane DoeJane DoeDoe signs bill MOREOVER"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := []byte(c.in)
			blankHoverCards(b)
			if len(b) != len(c.in) {
				t.Fatalf("length %d, want %d", len(b), len(c.in))
			}
			if got := strings.Join(strings.Fields(string(b)), " "); got != strings.Join(strings.Fields(c.want), " ") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
