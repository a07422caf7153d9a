package asset

// The lifecycle of licences, domains, certificates and documents: seats
// are assigned, terms renew or end, and the state follows the dates.

import "slices"

func (s *Status) applyDated(a *Asset, e Event, fail func(string, ...any) *HistoryError) *HistoryError {
	switch e.Type {
	case "assigned":
		if slices.Contains(s.SeatHolders, e.To) {
			err := fail("%s already holds a seat of %s", e.To, a.ID)
			err.Rule = "two-holders"
			return err
		}
		s.SeatHolders = append(s.SeatHolders, e.To)
	case "unassigned":
		from := e.From
		if from == "" {
			if len(s.SeatHolders) != 1 {
				return fail("say whose seat is freed: an unassigned event of a licence needs from: (seats are held by %s)", listOrNone(s.SeatHolders))
			}
			from = s.SeatHolders[0]
		}
		i := slices.Index(s.SeatHolders, from)
		if i < 0 {
			return fail("%s holds no seat of %s (seats are held by %s)", from, a.ID, listOrNone(s.SeatHolders))
		}
		s.SeatHolders = slices.Delete(s.SeatHolders, i, i+1)
	case "seats":
		s.Seats = e.Seats
		s.Price = priceAfter(s.Price, e)
	case "renewed":
		end := s.termEnd()
		if !end.IsZero() && !e.Until.After(*end) {
			return fail("renewed until %s, which is not after the current end date %s", e.Until, *end)
		}
		*end = e.Until
		s.cancelled = false
		s.Price = priceAfter(s.Price, e)
	case "cancelled":
		if s.cancelled {
			return fail("%s is already cancelled", a.ID)
		}
		s.cancelled = true
		s.Since = e.Date
	case "retired":
		s.retired = true
		s.SeatHolders = nil
		s.Since = e.Date
	case "moved":
		s.Location = e.To
	}
	return nil
}

// Cancelled reports whether a licence or contract was cancelled: it ends at
// its end date and does not renew.
func (s Status) Cancelled() bool { return s.cancelled }

// lifecycleState is the state of a dated asset before dates are looked at.
func (s *Status) lifecycleState() State {
	switch {
	case s.retired:
		return Retired
	case s.cancelled:
		return Cancelled
	}
	return Active
}

// termEnd is where a dated asset's current term ends: its renews date,
// or its expiry when it has none. A renewal moves that date.
func (s *Status) termEnd() *Date {
	if !s.Renews.IsZero() {
		return &s.Renews
	}
	return &s.Expires
}

// autoRenews reports whether a dated asset renews by itself: auto_renew
// with a term, and not cancelled.
func (s *Status) autoRenews(a *Asset) bool {
	return a.AutoRenew && !a.Term.IsZero() && !s.cancelled
}

// EndDate is when a dated asset ends as of asOf: its expiry, or its next
// renewal, rolled forward by whole terms when it renews by itself.
func (s Status) EndDate(a *Asset, asOf Date) Date {
	end := *s.termEnd()
	if end.IsZero() || !s.autoRenews(a) {
		return end
	}
	return rollForward(end, a.Term, asOf)
}

// rollForward moves a past date forward by whole terms until it is on or
// after asOf. Each step is counted from the original date, so month ends
// stay month ends: 2024-01-31 rolls to 2024-02-29, then 2024-03-31.
func rollForward(d Date, term Duration, asOf Date) Date {
	if term.N == 0 || !d.Before(asOf) {
		return d
	}
	// jump close first, so a daily term over decades is not a long loop
	k := 1
	if days := d.DaysUntil(asOf); term.Unit == 'd' || term.Unit == 'w' {
		step := term.N
		if term.Unit == 'w' {
			step *= 7
		}
		k = max(1, days/step)
	} else if months, _ := term.Months(); months > 0 {
		k = max(1, MonthsBetween(d, asOf)/months)
	}
	for {
		next := Duration{N: term.N * k, Unit: term.Unit}.AddTo(d)
		if !next.Before(asOf) {
			return next
		}
		k++
	}
}

// Renewing reports whether a dated asset renews rather than ends: it has
// a renews date, or it renews by itself (auto_renew with a term).
func (s Status) Renewing(a *Asset) bool {
	return !s.Renews.IsZero() || s.autoRenews(a)
}

// SeatLimit is how many seats a licence has on the status's date, and
// false when its seats are not limited (a site licence, or no count).
func (s Status) SeatLimit(a *Asset) (int, bool) {
	if a.Metric == "site" || s.Seats == nil {
		return 0, false
	}
	return *s.Seats, true
}

// OverSeats reports whether more people hold seats of a licence than it has.
func (s Status) OverSeats(a *Asset) bool {
	n, ok := s.SeatLimit(a)
	return ok && len(s.SeatHolders) > n
}

// Prices change: a renewal or a seat count that names a cost makes it the
// cost per term from that event's date on; before it, the price was the
// one before. A seat count without a cost leaves the price as it was (the
// true-up command records the cost it comes to).

// priceAfter is the price once event e has happened, price before it.
func priceAfter(price Money, e Event) Money {
	if (e.Type == Renew || e.Type == TrueUp) && !e.Cost.IsZero() {
		return e.Cost
	}
	return price
}

// PriceOn is a dated asset's cost per term on day d: its cost, or that of
// the last renewal or seat count up to d that named one. It is the Price
// of its status on d, without replaying the rest of the history.
func PriceOn(a *Asset, d Date) Money {
	price := a.Cost
	for _, e := range a.History {
		if e.Date.After(d) {
			break
		}
		price = priceAfter(price, e)
	}
	return price
}

// Priced reports whether a dated asset has a cost per term on any day.
func Priced(a *Asset) bool {
	if !a.Cost.IsZero() {
		return true
	}
	for _, e := range a.History {
		if !priceAfter(Money{}, e).IsZero() {
			return true
		}
	}
	return false
}
