package app

// exerciseKey reads a key's record of its exercises (see ExerciseKey).
func (r reader) exerciseKey(v any) *ExerciseKey {
	const p = "exercise_key"
	m := r.object(p, v, "secret", "made")
	if m == nil {
		return &ExerciseKey{}
	}
	k := &ExerciseKey{Secret: r.str(p, m, "secret")}
	for i, v := range r.array(p, m, "made", MaxItemsPerKind, "exercises") {
		mp := index(field(p, "made"), i)
		mm := r.object(mp, v, "id", "made", "asked", "claims")
		if mm == nil {
			continue
		}
		e := ExerciseMade{ID: r.str(mp, mm, "id"), Made: r.time(mp, mm, "made", true), Asked: r.asked(mp, mm)}
		for j, cv := range r.array(mp, mm, "claims", MaxItemsPerKind, "claims") {
			cp := index(field(mp, "claims"), j)
			if cm := r.object(cp, cv, "id", "statement"); cm != nil {
				e.Claims = append(e.Claims, AskedClaim{ID: r.str(cp, cm, "id"), Statement: r.str(cp, cm, "statement")})
			}
		}
		k.Made = append(k.Made, e)
	}
	return k
}
