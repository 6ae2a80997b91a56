import { builder } from "../builder.ts";

export const AmountBasis = builder.enumType("AmountBasis", {
  description: "How an amount stated for a range of years is meant.",
  values: {
    PER_YEAR: { description: "The amount in each year of the range." },
    PERIOD_TOTAL: { description: "The amount over the whole range together." },
  },
});

export const OutsideFrameKind = builder.enumType("OutsideFrameKind", {
  description: "Why money is outside the frame.",
  values: {
    CO_FINANCING: { description: "Co-financing from others (foundations, partners, users)." },
    ALREADY_DISBURSED: { description: "Already paid out or financed earlier (e.g. bridge financing on FL24, the 2021 strategy)." },
    NOTED: { description: 'Money of another agreement that the parties only "note".' },
    OTHER_FUNDING: { description: "Financed from another budget (e.g. the government's rural proposal)." },
  },
});
