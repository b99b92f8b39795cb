package creditcode_test

import (
	"errors"
	"fmt"

	"github.com/jilin761/intake/eligibility/creditcode"
)

func ExampleParse() {
	c, err := creditcode.Parse("91 220101 ma14xj7t68")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	fmt.Println(c.Division()) // 长春市市辖区 issued it; unchanged if the entity moves

	_, err = creditcode.Parse("91220101MA14XJ7T60")
	fmt.Println(err)
	fmt.Println(errors.Is(err, creditcode.ErrCheckCharacter), errors.Is(err, creditcode.ErrInvalid))
	// Output:
	// 91220101MA14XJ7T68
	// 220101
	// creditcode: "91220101MA14XJ7T60": check character mismatch at position 18: want 8, got 0
	// true true
}

func ExampleCheckCharacter() {
	ch, err := creditcode.CheckCharacter("91350100M000100Y4")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%c\n", ch)
	// Output:
	// 3
}
